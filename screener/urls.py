app_name = "screener"
urlpatterns = []
