public enum SampleBankPlaceholder {}
