"""Every write with a business rule. Views, the API, the admin and commands
call these functions and hold no rule of their own.

- ``imports``: news text in, article/actors/claims out (idempotent, atomic).
- ``actors``: the actor registry across articles (link, merge, rename).
- ``workflow``: claim states, verdicts, the two-person rule, publishing.
"""
