"""pantau.flows: I/O and orchestration (fetching, storing, Prefect flows, the `pantau` CLI)."""

__version__ = "0.1.0"
