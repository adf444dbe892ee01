from .base import Script as Script
from .base import ScriptDirectory as ScriptDirectory

__all__ = ["ScriptDirectory", "Script"]
