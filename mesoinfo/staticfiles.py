from django.contrib.staticfiles.apps import StaticFilesConfig as StaticFilesAppConfig


class StaticFilesConfig(StaticFilesAppConfig):
    """Static files without their build sources: static/src/ (Sass, the build scripts and
    their node_modules) is never collected or published."""

    ignore_patterns = [*StaticFilesAppConfig.ignore_patterns, "src"]
