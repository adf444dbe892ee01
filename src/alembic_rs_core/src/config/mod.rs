//! Configuration: (being written)
