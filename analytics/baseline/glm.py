"""Log-link count regression: NB2 with a moment estimate of ``alpha``, Poisson or
quasi-Poisson, fitted by iteratively reweighted least squares.

A design that the counts cannot carry raises :class:`UnfittableCounts` (never a solver's
own error): fitted means that run off to the edge of the log scale (a term whose days are
all but empty, a level that jumps a hundredfold), or an overdispersion beyond
``MAX_ALPHA`` (the calendar terms explain nothing of the day-to-day variation).
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import brentq

BLOCK_ROWS = 256
SINGLE_THREAD_FLOPS = 200_000
LOG_MEAN_LIMIT = 30.0
"""Linear predictors are clipped to ``[-30, 30]`` (``exp(30)`` is 10^13 contacts a day);
a fit whose means reach the upper edge has diverged."""
MAX_ALPHA = 4.0**7
"""The largest NB2 ``alpha`` searched (16,384): variance ``mu + alpha mu^2`` at that level
says a day's count could be anything, which is no model at all."""


class UnfittableCounts(ArithmeticError):
    """The counts cannot be described by this design (see the module docstring). The
    message is English, for logs; :func:`analytics.baseline.fit_baseline` turns it into
    :class:`analytics.baseline.UnfittableHistory` with a message for the user."""


def fitted_mean(x: np.ndarray, beta: np.ndarray, offset: np.ndarray | float = 0.0) -> np.ndarray:
    """``exp(x beta + offset)`` with the linear predictor clipped to ``±LOG_MEAN_LIMIT`` as in
    :func:`irls` (so a mean is never 0, infinite or NaN)."""
    return np.exp(np.clip(linear_predictor(x, beta) + offset, -LOG_MEAN_LIMIT, LOG_MEAN_LIMIT))


def _pearson_alpha(y: np.ndarray, mu: np.ndarray, n_params: int) -> float:
    """NB2 ``alpha`` solving ``sum (y - mu)^2 / (mu + alpha mu^2) = n - p`` (0 if none).

    The left side falls from its Poisson value towards 0 as ``alpha`` grows, so the root is
    bracketed by raising an upper bound fourfold (``1, 4, 16, ...``) up to ``MAX_ALPHA``.

    Raises
    ------
    UnfittableCounts
        When the means are not finite and positive, or the root lies beyond ``MAX_ALPHA``
        (days with contacts where the design expects next to none).
    """
    if not (np.isfinite(mu).all() and (mu > 0).all()):
        raise UnfittableCounts("The fitted means are not finite and positive.")
    df = max(len(y) - n_params, 1)
    excess = (y - mu) ** 2

    def gap(alpha: float) -> float:
        return float(np.sum(excess / (mu + alpha * mu**2))) - df

    if gap(0.0) <= 0:
        return 0.0
    upper = 1.0
    while gap(upper) > 0:
        if upper >= MAX_ALPHA:
            raise UnfittableCounts(f"The counts are overdispersed beyond alpha = {MAX_ALPHA:,.0f} around the fitted "
                                   "means.")
        upper *= 4
    return float(brentq(gap, 0.0, upper, xtol=1e-6))


def _gram(x: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """``x' diag(weight) x``, summed over blocks of rows.

    Blocks keep each matrix product below the size at which OpenBLAS starts threads; a
    threaded product of this small size can take a thousand times longer when other
    processes (or Streamlit sessions) hold the cores.
    """
    out = np.zeros((x.shape[1], x.shape[1]))
    for first in range(0, len(x), BLOCK_ROWS):
        part = x[first:first + BLOCK_ROWS]
        out += (part.T * weight[first:first + BLOCK_ROWS]) @ part
    return out


def matrix_product(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a @ b`` in blocks of rows of ``a`` small enough to stay single-threaded."""
    rows = max(1, SINGLE_THREAD_FLOPS // max(1, a.shape[1] * b.shape[1]))
    return np.vstack([a[first:first + rows] @ b for first in range(0, len(a), rows)])


def draws_of_coefficients(beta: np.ndarray, cov: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` draws from ``N(beta, cov)``, shape ``(n, len(beta))`` (``cov`` may be singular)."""
    values, vectors = np.linalg.eigh((cov + cov.T) / 2)
    root = vectors * np.sqrt(np.clip(values, 0.0, None))
    return beta + matrix_product(rng.standard_normal((n, len(beta))), root.T)


def linear_predictor(x: np.ndarray, beta: np.ndarray) -> np.ndarray:
    """``x @ beta`` without BLAS threads."""
    return np.einsum("ij,j->i", x, beta)


def irls(y: np.ndarray, x: np.ndarray, alpha: float, start: np.ndarray | None,
         max_iter: int = 100, offset: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Maximum-likelihood log-link GLM for NB2 counts with known ``alpha`` (Poisson when
    ``alpha = 0``) by iteratively reweighted least squares, and the inverse Fisher
    information as the coefficients' covariance.

    Same estimator as ``statsmodels`` ``GLM(family=NegativeBinomial(alpha))`` (a test
    checks it); written out so that every matrix product stays small and single-threaded.
    ``max_iter`` limits the Newton steps (refits from a nearby start need one or two).
    ``offset`` (optional, e.g. the log of an exposure) is added to the linear predictor
    with a fixed coefficient of 1: ``log mu = offset + x beta``.

    Raises
    ------
    UnfittableCounts
        When the coefficients or their covariance are not finite, or the fitted means of
        ``y`` reach the upper edge of the log scale (the iterations diverged).
    """
    off = np.zeros(len(y)) if offset is None else np.asarray(offset, dtype=float)
    beta = np.zeros(x.shape[1]) if start is None else start.copy()
    if start is None:
        beta[0] = np.log(max(y.mean(), 1e-3)) - float(off.mean())
    for _ in range(max_iter):
        eta = np.clip(linear_predictor(x, beta) + off, -LOG_MEAN_LIMIT, LOG_MEAN_LIMIT)
        mu = np.exp(eta)
        weight = mu / (1 + alpha * mu)
        info = _gram(x, weight)
        info[np.diag_indices_from(info)] += 1e-10
        try:
            new = np.linalg.solve(info, np.einsum("ij,i->j", x, weight * (eta - off + (y - mu) / mu)))
        except np.linalg.LinAlgError as exc:  # weights of all but zero: no information left
            raise UnfittableCounts("The information matrix became singular.") from exc
        done = np.max(np.abs(new - beta)) < 1e-8
        beta = new
        if done:
            break
    eta = linear_predictor(x, beta) + off
    if not np.isfinite(eta).all() or eta.max(initial=-np.inf) >= LOG_MEAN_LIMIT:
        raise UnfittableCounts("The iterations diverged: fitted means ran off the log scale.")
    mu = np.exp(np.clip(eta, -LOG_MEAN_LIMIT, LOG_MEAN_LIMIT))
    try:
        cov = np.linalg.pinv(_gram(x, mu / (1 + alpha * mu)))
    except np.linalg.LinAlgError as exc:
        raise UnfittableCounts("The coefficients' covariance cannot be computed.") from exc
    if not np.isfinite(cov).all():
        raise UnfittableCounts("The coefficients' covariance is not finite.")
    return beta, cov


def fit_counts(y: np.ndarray, x: np.ndarray, family: str,
               offset: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, float, str]:
    """Coefficients, their covariance, the dispersion and the family actually used
    (``offset``: see :func:`irls`).

    Raises
    ------
    UnfittableCounts
        When :func:`irls` or the dispersion estimate finds the design cannot carry ``y``.
    """
    off = np.zeros(len(y)) if offset is None else np.asarray(offset, dtype=float)

    def mean(beta: np.ndarray) -> np.ndarray:
        return fitted_mean(x, beta, off)

    beta, cov = irls(y, x, 0.0, None, offset=off)
    if family == "quasi_poisson":
        mu = mean(beta)
        phi = float(np.sum((y - mu) ** 2 / mu) / max(len(y) - x.shape[1], 1))
        return beta, cov * max(phi, 1.0), max(phi, 1.0), "quasi_poisson" if phi > 1.0 else "poisson"
    alpha = _pearson_alpha(y, mean(beta), x.shape[1])
    if alpha < 1e-4:
        return beta, cov, 0.0, "poisson"
    for _ in range(2):
        beta, cov = irls(y, x, alpha, beta, offset=off)
        alpha = max(_pearson_alpha(y, mean(beta), x.shape[1]), 1e-4)
    return beta, cov, alpha, "negative_binomial"
