"""Reasons from what customers wrote: suggest a contact's reason from its text.

Pure logic (no Streamlit). :class:`ReasonModel` learns from labelled texts and suggests
reasons with calibrated probabilities and the words behind them; :mod:`.evaluation`
measures it (top-k accuracy, calibration, per label, per level of a reason path, per
amount of labelled data); :mod:`.features` and :mod:`.stopwords` are what it reads.
"""

from analytics.text_reasons.evaluation import (accuracy_per_label, accuracy_per_level,
                                               expected_calibration_error, learning_curve,
                                               top_k_accuracy)
from analytics.text_reasons.features import FeatureSettings, normalised_text
from analytics.text_reasons.model import Evidence, ModelSettings, ReasonModel, Suggestion

__all__ = [
    "Evidence",
    "FeatureSettings",
    "ModelSettings",
    "ReasonModel",
    "Suggestion",
    "accuracy_per_label",
    "accuracy_per_level",
    "expected_calibration_error",
    "learning_curve",
    "normalised_text",
    "top_k_accuracy",
]
