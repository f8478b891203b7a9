[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]

// The fixtures are built with Linux tools (mke2fs, sfdisk, debugfs); the tests run on Linux only.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
