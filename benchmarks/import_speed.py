"""Import speed on a generated export: ``python benchmarks/import_speed.py [--rows N]``.

Writes a Dutch-style CSV (``;``, decimal commas, day-first dates, Ja/Nee, a multi-line
quoted note every 1,000 rows) to a temporary folder, imports it into a fresh store through
the CLI, and prints rows/s and peak memory of the import process as JSON.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def write_export(path: Path, rows: int, seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    channels = np.array(["Telefoon", "E-mail", "Chat", "WhatsApp", "Webformulier"])
    reasons = np.array(["Levering", "Factuur", "Retour", "Account", "Product"])
    start = np.datetime64("2024-01-01T00:00")
    minutes = np.sort(rng.integers(0, 2 * 365 * 24 * 60, rows))
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("Ticketnummer;Aangemaakt op;Kanaal;Contactreden;Subreden;Afhandeltijd;Opgelost;Notitie\r\n")
        chunk = 100_000
        for first in range(0, rows, chunk):
            n = min(chunk, rows - first)
            stamps = (start + minutes[first:first + n].astype("timedelta64[m]")).astype("datetime64[m]").astype(str)
            ch = channels[rng.integers(0, len(channels), n)]
            rs = reasons[rng.integers(0, len(reasons), n)]
            aht = rng.integers(30, 1200, n)
            ok = np.where(rng.random(n) < 0.7, "Ja", "Nee")
            lines = []
            for i in range(n):
                day, clock = stamps[i].split("T")
                y, m, d = day.split("-")
                note = '"regel een\r\nregel; twee"' if (first + i) % 1000 == 0 else ""
                lines.append(f"T{first + i};{d}-{m}-{y} {clock};{ch[i]};{rs[i]};Sub {i % 7};{aht[i]},5;{ok[i]};{note}\r\n")
            out.write("".join(lines))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        export, store = Path(folder) / "export.csv", Path(folder) / "store.duckdb"
        write_export(export, args.rows)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "analytics", "import", "contacts", str(export), "--db", str(store)],
                              cwd=ROOT, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        result = json.loads(done.stdout)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps({
            "rows": args.rows, "file_mb": round(export.stat().st_size / 2**20, 1),
            "inserted": result["inserted"], "rejected": result["rejected"],
            "seconds_with_startup": round(seconds, 2), "seconds_import": result["seconds"],
            "rows_per_second": round(args.rows / seconds), "peak_rss_mb": round(peak_mb),
        }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
