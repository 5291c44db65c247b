/// Inputs: CSV and YAML files to validated domain values.
public enum Inputs {}
