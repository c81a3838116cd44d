"""Non-literary aca / pol / mag sets: exact / strict / lax P, R, F1, time, memory.

    python benchmarks/nonliterary.py --calibration
"""

from __future__ import annotations

from common import main

if __name__ == "__main__":
    main(["nonliterary/aca", "nonliterary/pol", "nonliterary/mag"])
