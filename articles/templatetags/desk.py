"""The dashboard on the admin's front page (``{% desk_dashboard %}``)."""

from django import template

from articles.text import cut_at_word

register = template.Library()


@register.inclusion_tag("admin/desk/dashboard.html", takes_context=True)
def desk_dashboard(context):
    from articles.admin.dashboard import panels_for

    request = context["request"]
    return {"panels": panels_for(request), "request": request}


@register.filter
def cut(text, limit=100):
    """Text cut at a word with an ellipsis (``articles.text.cut_at_word``)."""
    return cut_at_word(str(text), int(limit))
