"""auditor: offline compliance audit for AI deployments."""

__version__ = "0.1.0"
