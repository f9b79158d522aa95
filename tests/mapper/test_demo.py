"""Demo documents: seeded after the foundation, mapped, idempotent."""

from __future__ import annotations

import pytest

from twinning.foundation import demo as foundation_demo
from twinning.mapper import demo
from twinning.mapper.models import MappedDocument


@pytest.mark.django_db
def test_demo_documents_are_mapped_shared_and_seeded_once():
    foundation_demo.seed()
    demo.seed()
    demo.seed()
    documents = MappedDocument.objects.order_by("title")
    assert documents.count() == 2
    assert all(d.is_demo and d.shared and d.status == "done" for d in documents)
    agreement = documents.get(language="nl")
    assert {1, 7, 11, 13, 17} <= set(agreement.top())
