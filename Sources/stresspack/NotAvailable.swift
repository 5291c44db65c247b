/// Commands whose issue is still open answer this, with exit code 2.
func notAvailableYet(_ command: String, issue: Int) -> UsageError {
    UsageError(message: "`stresspack \(command)` is not available yet (issue #\(issue)).")
}
