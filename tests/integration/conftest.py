from .test_topology import FIGURES


def pytest_terminal_summary(terminalreporter):
    """The topology test's figures, in every run that took it (passed or not)."""
    if FIGURES:
        terminalreporter.section("Topology figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
