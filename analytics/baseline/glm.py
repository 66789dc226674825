"""Log-link count regression: NB2 with a moment estimate of ``alpha``, Poisson or
quasi-Poisson, fitted by iteratively reweighted least squares."""

from __future__ import annotations

import numpy as np
from scipy.optimize import brentq

BLOCK_ROWS = 256
SINGLE_THREAD_FLOPS = 200_000


def _pearson_alpha(y: np.ndarray, mu: np.ndarray, n_params: int) -> float:
    """NB2 ``alpha`` solving ``sum (y - mu)^2 / (mu + alpha mu^2) = n - p`` (0 if none)."""
    df = max(len(y) - n_params, 1)
    excess = (y - mu) ** 2

    def gap(alpha: float) -> float:
        return float(np.sum(excess / (mu + alpha * mu**2))) - df

    if gap(0.0) <= 0:
        return 0.0
    upper = 1.0
    while gap(upper) > 0 and upper < 1e4:
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
    """
    off = np.zeros(len(y)) if offset is None else np.asarray(offset, dtype=float)
    beta = np.zeros(x.shape[1]) if start is None else start.copy()
    if start is None:
        beta[0] = np.log(max(y.mean(), 1e-3)) - float(off.mean())
    for _ in range(max_iter):
        eta = np.clip(linear_predictor(x, beta) + off, -30, 30)
        mu = np.exp(eta)
        weight = mu / (1 + alpha * mu)
        info = _gram(x, weight)
        info[np.diag_indices_from(info)] += 1e-10
        new = np.linalg.solve(info, np.einsum("ij,i->j", x, weight * (eta - off + (y - mu) / mu)))
        done = np.max(np.abs(new - beta)) < 1e-8
        beta = new
        if done:
            break
    mu = np.exp(np.clip(linear_predictor(x, beta) + off, -30, 30))
    return beta, np.linalg.pinv(_gram(x, mu / (1 + alpha * mu)))


def fit_counts(y: np.ndarray, x: np.ndarray, family: str,
               offset: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, float, str]:
    """Coefficients, their covariance, the dispersion and the family actually used
    (``offset``: see :func:`irls`)."""
    off = np.zeros(len(y)) if offset is None else np.asarray(offset, dtype=float)

    def mean(beta: np.ndarray) -> np.ndarray:
        return np.exp(linear_predictor(x, beta) + off)

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
