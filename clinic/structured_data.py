"""The clinic as schema.org sees it: a MedicalClinic with only the details it has entered."""

from django.urls import reverse


def clinic_json_ld(profile, request):
    """A MedicalClinic dict for `profile`, or None while it has no name (never invented)."""
    if not profile.name:
        return None
    data = {
        "@type": "MedicalClinic",
        "name": profile.name,
        "url": request.build_absolute_uri(reverse("clinic:contact")),
    }
    if profile.legal_name:
        data["legalName"] = profile.legal_name
    if profile.phone:
        data["telephone"] = profile.phone
    if profile.email:
        data["email"] = profile.email
    if profile.address:
        address = {"@type": "PostalAddress", "streetAddress": profile.address}
        if profile.city:
            address["addressLocality"] = profile.city
        address["addressCountry"] = profile.country
        data["address"] = address
    return data


def author_json_ld(author, clinic):
    """A Person for a named writer; an Organization for the editorial team or no record."""
    if author is None:
        return {"@type": "Organization", "name": clinic["name"]} if clinic else None
    if author.is_placeholder:
        data = {"@type": "Organization", "name": author.name}
        if clinic:
            data["parentOrganization"] = {"@type": "MedicalClinic", "name": clinic["name"]}
        return data
    data = {"@type": "Person", "name": author.name, "jobTitle": author.role}
    if author.credentials:
        data["description"] = author.credentials
    return data


def add_publisher_and_author(article, data, request):
    """content's JSON-LD contributor (registered in ClinicConfig.ready): the clinic as
    publisher, and the article's author credited under it."""
    from .cache import cached_profile

    publisher = clinic_json_ld(cached_profile(), request)
    if publisher:
        data["publisher"] = publisher
    author = author_json_ld(article.author, publisher)
    if author:
        data["author"] = author
