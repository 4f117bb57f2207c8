"""Prints where Jupyter's own lookup (jupyter_client's KernelSpecManager) finds a kernelspec: usage find_kernelspec.py NAME"""
import sys

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

try:
    spec = KernelSpecManager().get_kernel_spec(sys.argv[1])
except NoSuchKernel:
    print(f"no kernelspec named {sys.argv[1]}", file=sys.stderr)
    sys.exit(1)
print(spec.resource_dir)
print(spec.display_name)
print(spec.language)
print(spec.interrupt_mode)
