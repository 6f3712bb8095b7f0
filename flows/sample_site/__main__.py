"""Serve the sample site by hand: `python -m flows.sample_site [--port 8765] [--sources FILE] [--faults]`.

Why: to look at the pages in a browser, or to point `pantau run --sources FILE` at a site that
stays up between runs (conditional GET, idempotency checks by hand).
"""

from __future__ import annotations

import argparse
import threading

from flows.sample_site import start_sample_site, write_sample_sources


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m flows.sample_site", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0 = any free port)")
    parser.add_argument("--sources", help="also write a sources TOML for the site to this path")
    parser.add_argument("--faults", action="store_true", help="include the fault sources in --sources")
    args = parser.parse_args(argv)
    with start_sample_site(port=args.port) as site:
        print(f"sample site on {site.base_url}/ (Ctrl-C stops it)", flush=True)
        if args.sources:
            print(f"sources written to {write_sample_sources(site.base_url, args.sources, faults=args.faults)}")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
