"""Executes a notebook with Jupyter's own client (nbclient), through an installed kernelspec.

usage: run_notebook.py NOTEBOOK OUTPUT WORKING_DIR KERNEL_NAME CELL_TIMEOUT_SECONDS

The notebook's own kernelspec metadata (Polyglot's ".net-csharp") is overridden by KERNEL_NAME. The kernel starts in
WORKING_DIR (the lesson's folder, so its relative paths work). The executed notebook is written to OUTPUT even
when a cell fails; the exit code is 0 when every cell ran, 1 when one failed (the message goes to stderr).
"""
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

notebook_path, output_path, working_dir, kernel_name, cell_timeout = sys.argv[1:6]
nb = nbformat.read(notebook_path, as_version=4)
client = NotebookClient(
    nb,
    kernel_name=kernel_name,
    timeout=int(cell_timeout),
    startup_timeout=120,
    allow_errors=False,
    resources={"metadata": {"path": working_dir}},
)
status = 0
try:
    client.execute()
except (CellExecutionError, CellTimeoutError) as error:
    print(f"nbclient: a cell failed: {error}", file=sys.stderr)
    status = 1
finally:
    nbformat.write(nb, output_path)
print(f"nbclient: executed with kernel {client.kernel_name}: {output_path}", file=sys.stderr)
sys.exit(status)
