"""Admin pages that only list and show rows (logs, queues, visitors' answers): nobody adds
or edits them there; deleting is allowed only where the admin says so."""


class ReadOnlyAdminMixin:
    deletable = False  # True: staff with the delete permission may delete a row

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self.deletable and super().has_delete_permission(request, obj)
