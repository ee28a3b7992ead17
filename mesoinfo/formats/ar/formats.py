"""Arabic dates in the order Arabic readers write them: «1 ديسمبر 2026».

Django's own Arabic formats put a comma after the month («1 ديسمبر، 2026») and have no
date-and-time format; everything not set here comes from them."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، g:i A"
