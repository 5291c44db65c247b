public enum StressRunPlaceholder {}
