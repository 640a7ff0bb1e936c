"""The dashboard on the admin's front page (``{% desk_dashboard %}``)."""

from django import template

register = template.Library()


@register.inclusion_tag("admin/desk/dashboard.html", takes_context=True)
def desk_dashboard(context):
    from articles.admin.dashboard import panels_for

    request = context["request"]
    return {"panels": panels_for(request), "request": request}
