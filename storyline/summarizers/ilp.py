"""Exact 0-1 integer programs for the summarizers, solved by HiGHS through highspy.

highspy carries a newer HiGHS than the copy inside SciPy: on the concept programs of DUC 2003
it solves about twice as fast (benchmarks/speed.py), which is most of the default method's
time. The program is: minimise cost·x subject to lower <= A x <= upper, x binary.
"""

from __future__ import annotations

import numpy as np
from highspy import _core as highs
from scipy import sparse


def solve_binary(cost: np.ndarray, rows: sparse.csr_matrix, lower: np.ndarray,
                 upper: np.ndarray, time_limit: float) -> np.ndarray | None:
    """The optimal 0/1 vector, or the best one found within `time_limit`, or None."""
    n = len(cost)
    # The bare solver class: highspy's `Highs` wrapper prints a banner on stdout when it is
    # built (HiGHS issue #2749), which would corrupt `--format json` output.
    solver = highs._Highs()
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("time_limit", float(time_limit))
    # Restarts cost more than they save on programs this small (measured on DUC 2003).
    solver.setOptionValue("mip_allow_restart", False)
    # One thread: HiGHS's task scheduler otherwise starts a worker per core that spin-waits,
    # doubling the CPU a summary takes and leaving nothing to a second process (`batch`,
    # the server) on the same machine. These programs gain nothing from parallel search.
    solver.setOptionValue("threads", 1)
    model = highs.HighsLp()
    model.num_col_ = n
    model.num_row_ = rows.shape[0]
    model.col_cost_ = np.asarray(cost, dtype=float)
    model.col_lower_ = np.zeros(n)
    model.col_upper_ = np.ones(n)
    model.row_lower_ = np.asarray(lower, dtype=float)
    model.row_upper_ = np.asarray(upper, dtype=float)
    model.a_matrix_.format_ = highs.MatrixFormat.kRowwise
    model.a_matrix_.start_ = rows.indptr
    model.a_matrix_.index_ = rows.indices
    model.a_matrix_.value_ = rows.data
    model.integrality_ = [highs.HighsVarType.kInteger] * n
    solver.passModel(model)
    solver.run()
    if solver.getInfo().primal_solution_status == 0:  # no feasible point found
        return None
    return np.asarray(solver.getSolution().col_value)
