"""MAC-Test (24 zh-en literary chapters): exact / strict / lax P, R, F1, time, memory.

    python benchmarks/mac_test.py                 # end to end, model load included
    python benchmarks/mac_test.py --cache --calibration --set skip_cost=0.06
"""

from __future__ import annotations

from common import main

if __name__ == "__main__":
    main(["mac-test"])
