"""Who may call what. Reads are open (the querysets decide what each caller
sees); workflow verbs need a desk account, and the services then check roles."""

from rest_framework.permissions import BasePermission


class IsDeskStaff(BasePermission):
    """A signed-in member of the desk (``is_staff``).

    Anonymous callers get 401 and signed-in outsiders 403; whether this member
    may take *this* step (the role, the state, the two-person rule) is the
    workflow service's decision, not the permission's.
    """

    message = "Only members of the desk may do this."

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and user.is_active and user.is_staff)
