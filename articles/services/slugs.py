"""Unique slugs for rows created in bulk."""

from django.utils.text import slugify


def unique_slugs(model, names: list[str], *, max_length: int = 100, exclude_pk=None) -> list[str]:
    """One free slug per name, unique in ``model`` and among themselves.

    One query for the common case; a name whose slug is taken gets ``-2``,
    ``-3``... (one more query per taken name, which is rare).
    """
    bases = [slugify(name)[:max_length].strip("-") or model._meta.model_name for name in names]
    existing = model.objects.filter(slug__in=set(bases))
    if exclude_pk is not None:
        existing = existing.exclude(pk=exclude_pk)
    taken = set(existing.values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug, n = base, 1
        while slug in taken or (
            n > 1 and model.objects.filter(slug=slug).exclude(pk=exclude_pk).exists()
        ):
            n += 1
            slug = f"{base[: max_length - 6]}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs
