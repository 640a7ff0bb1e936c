"""API routes under /api/v1/."""

app_name = "api"
urlpatterns = []
