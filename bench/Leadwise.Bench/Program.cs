using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Leadwise.Bench -- --filter '*Import*'
BenchmarkSwitcher.FromAssembly(typeof(Leadwise.Bench.ImportBenchmarks).Assembly).Run(args);
