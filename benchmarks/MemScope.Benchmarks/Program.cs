using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/MemScope.Benchmarks -- --filter '*'
// Add --job short for a quick pass.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
