// The app tests build and run programs that train networks: one at a time on a small machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

