from django import template

from twinning.foundation import policy

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, permission: str, obj) -> bool:
    request = context.get("request")
    user = getattr(request, "user", None)
    return policy.allowed(user, permission, obj)
