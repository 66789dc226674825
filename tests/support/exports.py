"""Exports in the shapes real ones take, written for tests: a consumer-complaint export with
free text beside its ids and a two-digit-year date with the time in its own column, and a
regulator's complaint export with ordinary column names."""

from __future__ import annotations

from pathlib import Path


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


COMPLAINTS = ["Comcast Cable Internet Speeds", "Payment disappeared - collection notice", "Speed and Service",
              "Comcast Imposed a New Usage Cap of 300GB that punishes streaming", "Billing is wrong again this month"]


def comcast_like(tmp_path: Path, rows: int = 60) -> Path:
    """A consumer-complaint export: free text next to ids, a two-digit-year date, the time in
    its own column, and a second date column with month names."""
    lines = ["Ticket #,Customer Complaint,Date,Date_month_year,Time,Received Via,City,State,Status"]
    for i in range(rows):
        day, month = 1 + i % 28, 4 + i % 3
        lines.append(f"{250635 + i},{COMPLAINTS[i % 5]},{day:02d}-{month:02d}-15,{day}-{['Apr', 'May', 'Jun'][i % 3]}-15,"
                     f"{1 + i % 12}:{i % 60:02d}:50 {'AM' if i % 2 else 'PM'},{['Customer Care Call', 'Internet'][i % 2]},"
                     f"Abingdon,Maryland,{['Closed', 'Open', 'Solved'][i % 3]}")
    return _write(tmp_path, "comcast.csv", "\n".join(lines) + "\n")


def regulator_like(tmp_path: Path, rows: int = 60) -> Path:
    header = ("Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company,State,"
              "Submitted via,Date sent to company,Timely response?,Complaint ID")
    lines = [header]
    for i in range(rows):
        lines.append(f"2025-{1 + i % 12:02d}-{1 + i % 28:02d},Credit reporting,Credit reporting,"
                     f"{['Incorrect information on your report', 'Improper use of your report'][i % 2]},"
                     f"Information belongs to someone else,\"I have disputed this account many times and they keep "
                     f"reporting it as mine, number {i}\",EQUIFAX INC.,CA,{['Web', 'Phone', 'Referral'][i % 3]},"
                     f"2025-{1 + i % 12:02d}-{1 + i % 28:02d},Yes,{8000000 + i}")
    return _write(tmp_path, "complaints.csv", "\n".join(lines) + "\n")
