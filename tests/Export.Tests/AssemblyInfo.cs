// The app tests build and run programs that train networks: one at a time on a small machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Every test here compiles or runs exported file-based apps: the whole suite's tier, not ./course test --fast.
[assembly: AssemblyTrait("Speed", "Slow")]
