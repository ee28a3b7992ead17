"""English times as "10:06 PM": Django's own English ("10:06 p.m.") ends in a full stop,
and a sentence ending with the time then showed two ("at 10:06 p.m..", finding J3-14).
Everything not set here comes from Django's English formats."""

DATETIME_FORMAT = "N j, Y, g:i A"
TIME_FORMAT = "g:i A"
