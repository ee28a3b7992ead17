"""Giving a user a staff group makes them staff: the group alone lets them sign in."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed


def make_group_members_staff(sender, instance, action, reverse, pk_set, **kwargs):
    if action != "post_add" or not pk_set:
        return
    User = get_user_model()
    # From the user's side (user.groups.add) the instance is the user; from the group's
    # side (group.user_set.add) pk_set holds the users.
    users = User.objects.filter(pk__in=pk_set) if reverse else User.objects.filter(pk=instance.pk)
    users.filter(is_staff=False).update(is_staff=True)
    if not reverse:
        instance.is_staff = True


def connect():
    m2m_changed.connect(
        make_group_members_staff,
        sender=get_user_model().groups.through,
        dispatch_uid="staff.make_group_members_staff",
    )
