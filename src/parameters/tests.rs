//! Tests of the parameter tables.
