"""Values every page's chrome needs (the clinic's details: clinic.context_processors)."""


def site(request):
    return {}
