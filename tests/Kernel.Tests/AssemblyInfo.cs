// Every test here drives the kernel through Jupyter's client (python3-jupyter-client) or its engine: the whole suite's tier, not ./course test --fast.
[assembly: AssemblyTrait("Speed", "Slow")]
