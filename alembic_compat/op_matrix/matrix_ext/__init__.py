"""Application-side helpers the op_matrix migrations import (custom ops, types, enums)."""
