"""Demo mapped documents (marked is_demo; the texts are invented for the demo).

Lommel–Ongwediva: an excerpt of a Dutch coalition agreement of Lommel and an English
multi-annual plan of Ongwediva, shared with the partner, so the comparison page has something
to compare. Idempotent. ``scale`` > 1 adds more (unshared) copies for load tests.
"""

from __future__ import annotations

from twinning.foundation.models import Municipality, Partnership
from twinning.mapper import actions
from twinning.mapper.models import MappedDocument

AGREEMENT_NL = """Bestuursakkoord 2025-2030 (demo, verzonnen tekst)

Kinderarmoede bestrijden we met gratis schoolmaaltijden en een uitbreiding van de sociale kruidenier.
Het klimaatplan moet de uitstoot van broeikasgassen tegen 2030 met 55 procent verminderen.
Op alle gemeentelijke gebouwen komen zonnepanelen en we bouwen een warmtenet.
Het mobiliteitsplan geeft voorrang aan voetgangers, fietsers en openbaar vervoer.
De stedenband met Ongwediva wordt verlengd: we wisselen elk jaar personeel uit en maken 0,7 procent van het budget vrij voor internationale samenwerking.
Elke basisschool krijgt extra leerkrachten voor kinderen met een leerachterstand."""

PLAN_EN = """Multi-annual development plan 2025-2029 (demo, invented text)

Every household in the town will have safe drinking water and the sewage treatment plant will be upgraded.
New classrooms and more teachers will let every child finish primary school.
Women entrepreneurs can apply for microcredit, and the council aims for equal representation of women and men.
Through our partnership with Lommel we share knowledge on waste management.
Farmers are supported to adopt sustainable agriculture and to sell at the local market."""


def seed(scale: int = 1) -> None:
    partnership = Partnership.objects.filter(slug="lommel-ongwediva").first()
    if partnership is None:
        return
    owners = {m.slug: m for m in Municipality.objects.filter(slug__in=["lommel", "ongwediva"])}
    if len(owners) < 2:
        return
    rows = [("Bestuursakkoord 2025-2030 (demo)", owners["lommel"], AGREEMENT_NL, "nl", True)]
    rows.append(("Multi-annual development plan 2025-2029 (demo)", owners["ongwediva"], PLAN_EN, "en", True))
    rows += [
        (f"Bestuursakkoord, copy {n} (demo)", owners["lommel"], AGREEMENT_NL, "nl", False) for n in range(2, scale + 1)
    ]
    for title, owner, text, language, shared in rows:
        document, created = MappedDocument.objects.get_or_create(
            partnership=partnership,
            title=title,
            defaults={"owner": owner, "text": text, "language": language, "shared": shared, "is_demo": True},
        )
        if created or document.status != MappedDocument.Status.DONE:
            actions.document_process(document.pk)
