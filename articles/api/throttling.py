"""Throttling of anonymous use."""

from rest_framework import throttling
from rest_framework.settings import api_settings


class AnonRateThrottle(throttling.AnonRateThrottle):
    """Anonymous requests per client address, at ``DEFAULT_THROTTLE_RATES["anon"]``.

    DRF's own class reads its rate once, at import; this one reads it on each
    request, so a changed setting (a test's, or ``None`` for no limit) applies.
    """

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class LoginRateThrottle(throttling.SimpleRateThrottle):
    """Token requests per client address, at ``DEFAULT_THROTTLE_RATES["login"]``,
    checked before the password is: a handful of clients cannot keep the
    workers busy hashing guesses."""

    scope = "login"

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
