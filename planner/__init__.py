"""Career Planner: an offline planner for a career as a remote IT project manager."""

__version__ = "0.1.0"
APP_NAME = "Career Planner"
