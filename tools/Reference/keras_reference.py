#!/usr/bin/env python3
"""The course's four tutorial networks in PyTorch, trained exactly as Keras trains them.

A yardstick for the C# course (./course bench's PyTorch column, ./course reproduce --with-reference): Keras'
initialisers (glorot_uniform kernels, zero biases), Keras' RMSprop and Adam update formulas and epsilons, Keras'
validation_split (the last fraction, taken before shuffling), a new shuffle every epoch, the last partial batch kept.

    python3 tools/Reference/keras_reference.py --network lenet-relu --seed 3 --threads 2 --json
    python3 tools/Reference/keras_reference.py --network chollet --max-steps 170 --warmup 20 --json   # a timing

Needs Python 3, numpy and torch >= 1.13 (Debian: apt-get install --no-install-recommends python3-torch).
One JSON object per network on stdout with --json; progress on stderr.
"""
import argparse
import json
import math
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

# --------------------------------------------------------------------------------------------------- the tutorials
# train: which training images (first, last); validation: None, "split" (the training images after `train`, i.e. Keras'
# validation_split), or "test" (validation_data=test set). Published figures are the tutorials' own.
TUTORIALS = {
    "chollet":    {"optimizer": "rmsprop", "batch": 64,  "epochs": 5,  "train": (0, 60000),    "validation": None,    "published": 0.9918},
    "dropout":    {"optimizer": "adam",    "batch": 128, "epochs": 10, "train": (5000, 60000), "validation": None,    "published": 0.9923},
    "lenet-tanh": {"optimizer": "adam",    "batch": 64,  "epochs": 20, "train": (0, 48000),    "validation": "split", "published": 0.9871},
    "lenet-relu": {"optimizer": "adam",    "batch": 128, "epochs": 2,  "train": (0, 60000),    "validation": "test",  "published": 0.9777},
}
# dropout (tutorial 001) used TensorFlow's read_data_sets, whose first 5,000 training images are its validation set.
# lenet-tanh (tutorial 003) used validation_split=0.2: Keras holds out the LAST 12,000 images, before any shuffle.
PARAMETERS = {"chollet": 93322, "dropout": 184586, "lenet-tanh": 44426, "lenet-relu": 44426}


class ChannelsLastFlatten(nn.Module):
    """Keras flattens (H, W, C); torch's tensors are (C, H, W). Flattening in Keras' order keeps Dense weights portable."""

    def forward(self, x):
        return x.permute(0, 2, 3, 1).flatten(1)


def network(name):
    """The tutorial's layers; the last gives logits (Keras' closing softmax lives in the loss, as tf.keras computes it)."""
    if name == "chollet":
        layers = [nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                  nn.Conv2d(64, 64, 3), nn.ReLU(), ChannelsLastFlatten(), nn.Linear(576, 64), nn.ReLU(), nn.Linear(64, 10)]
    elif name == "dropout":
        layers = [nn.Conv2d(1, 32, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 5), nn.ReLU(), nn.MaxPool2d(2),
                  ChannelsLastFlatten(), nn.Linear(1024, 128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, 10)]
    else:
        activation = nn.Tanh if name == "lenet-tanh" else nn.ReLU
        layers = [nn.Conv2d(1, 6, 5), activation(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), activation(), nn.MaxPool2d(2),
                  ChannelsLastFlatten(), nn.Linear(256, 120), activation(), nn.Linear(120, 84), activation(), nn.Linear(84, 10)]
    model = nn.Sequential(*layers)
    for layer in model:
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            glorot_uniform_(layer.weight)
            nn.init.zeros_(layer.bias)
    count = sum(p.numel() for p in model.parameters())
    if count != PARAMETERS[name]:
        raise AssertionError(f"{name}: {count} parameters where Keras has {PARAMETERS[name]}")
    return model


@torch.no_grad()
def glorot_uniform_(weight):
    """Keras' glorot_uniform: U(±sqrt(6 / (fan_in + fan_out))), a conv kernel's fans counting its window (kh·kw·channels)."""
    window = weight[0, 0].numel() if weight.dim() == 4 else 1
    fan_out, fan_in = weight.shape[0] * window, weight.shape[1] * window
    bound = math.sqrt(6.0 / (fan_in + fan_out))
    weight.uniform_(-bound, bound)


# --------------------------------------------------------------------------------------------------- Keras' optimizers
class KerasRMSprop:
    """RMSprop as tf.keras 2.0–2.10 and Keras 2 ran it (the tutorials' versions): lr 1e-3, rho 0.9, epsilon 1e-7 added
    OUTSIDE the root, mean square starting at zero:  ms = rho·ms + (1−rho)·g²;  w −= lr·g / (√ms + ε).
    (torch.optim.RMSprop has the same form but ε 1e-8; Keras ≥ 2.11 puts ε inside the root.)"""

    def __init__(self, params, lr=1e-3, rho=0.9, epsilon=1e-7):
        self.params, self.lr, self.rho, self.epsilon = list(params), lr, rho, epsilon
        self.mean_square = [torch.zeros_like(p) for p in self.params]

    @torch.no_grad()
    def step(self):
        for p, ms in zip(self.params, self.mean_square):
            ms.mul_(self.rho).addcmul_(p.grad, p.grad, value=1 - self.rho)
            p.addcdiv_(p.grad, ms.sqrt().add_(self.epsilon), value=-self.lr)


class KerasAdam:
    """Adam as Keras and TF's ApplyAdam compute it: lr 1e-3, β 0.9/0.999, ε 1e-7 added to √v itself ("epsilon hat"):
    lr_t = lr·√(1−β₂ᵗ)/(1−β₁ᵗ);  w −= lr_t·m / (√v + ε).  (torch.optim.Adam adds ε to √(v/(1−β₂ᵗ)) instead.)"""

    def __init__(self, params, lr=1e-3, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
        self.params, self.lr, self.beta_1, self.beta_2, self.epsilon, self.t = list(params), lr, beta_1, beta_2, epsilon, 0
        self.m = [torch.zeros_like(p) for p in self.params]
        self.v = [torch.zeros_like(p) for p in self.params]

    @torch.no_grad()
    def step(self):
        self.t += 1
        lr_t = self.lr * math.sqrt(1 - self.beta_2 ** self.t) / (1 - self.beta_1 ** self.t)
        for p, m, v in zip(self.params, self.m, self.v):
            m.mul_(self.beta_1).add_(p.grad, alpha=1 - self.beta_1)
            v.mul_(self.beta_2).addcmul_(p.grad, p.grad, value=1 - self.beta_2)
            p.addcdiv_(m, v.sqrt().add_(self.epsilon), value=-lr_t)


# --------------------------------------------------------------------------------------------------- MNIST
def read_idx(path, magic, shape):
    """One IDX file as a uint8 array; a wrong file is named with what was expected."""
    if not os.path.isfile(path):
        sys.exit(f"keras_reference: {path} is missing; run ./course setup (or pass --data FOLDER with the four MNIST IDX files)")
    raw = open(path, "rb").read()
    header = 4 * (1 + len(shape))
    found = tuple(int.from_bytes(raw[i:i + 4], "big") for i in range(0, header, 4))
    if found != (magic, *shape) or len(raw) != header + math.prod(shape):
        sys.exit(f"keras_reference: {path} is not MNIST (header {found}, {len(raw)} bytes); run ./course setup to fetch it again")
    return np.frombuffer(raw, np.uint8, offset=header).reshape(shape)


def load_mnist(folder):
    """Images as float32 uint8/255 in (N, 1, 28, 28), labels int64 — what the tutorials feed Keras."""
    def images(name, n):
        return torch.from_numpy(read_idx(os.path.join(folder, name), 2051, (n, 28, 28)).astype(np.float32) / 255.0).unsqueeze(1)

    def labels(name, n):
        return torch.from_numpy(read_idx(os.path.join(folder, name), 2049, (n,)).astype(np.int64))

    return (images("train-images-idx3-ubyte", 60000), labels("train-labels-idx1-ubyte", 60000),
            images("t10k-images-idx3-ubyte", 10000), labels("t10k-labels-idx1-ubyte", 10000))


@torch.no_grad()
def evaluate(model, x, y, chunk=1000):
    """Keras' evaluate: mean categorical cross-entropy and accuracy in inference mode (dropout off)."""
    model.eval()
    loss, correct = 0.0, 0
    for i in range(0, len(x), chunk):
        logits = model(x[i:i + chunk])
        loss += F.cross_entropy(logits, y[i:i + chunk], reduction="sum").item()
        correct += (logits.argmax(1) == y[i:i + chunk]).sum().item()
    model.train()
    return loss / len(x), correct / len(x)


# --------------------------------------------------------------------------------------------------- training
def train(name, data, seed, epochs=None, max_steps=0, warmup=10):
    """Keras' fit for one tutorial; returns its figures as a dict (the JSON line)."""
    recipe = TUTORIALS[name]
    epochs = epochs or recipe["epochs"]
    batch = recipe["batch"]
    x_all, y_all, x_test, y_test = data
    first, last = recipe["train"]
    x, y = x_all[first:last], y_all[first:last]
    validation = {"split": (x_all[last:], y_all[last:]), "test": (x_test, y_test), None: None}[recipe["validation"]]

    torch.manual_seed(seed)                             # weights and dropout masks
    shuffles = torch.Generator().manual_seed(seed)      # the epochs' orders, a stream of their own
    model = network(name)
    model.train()
    optimizer = (KerasRMSprop if recipe["optimizer"] == "rmsprop" else KerasAdam)(model.parameters())

    steps, step_ms, history, started = 0, [], [], time.perf_counter()
    batches = math.ceil(len(x) / batch)                 # the last, partial batch is kept, as in Keras
    for epoch in range(1, epochs + 1):
        if max_steps and steps >= max_steps:
            break
        order = torch.randperm(len(x), generator=shuffles)
        loss_sum, correct, seen = 0.0, 0, 0
        for b in range(batches):
            if max_steps and steps >= max_steps:
                break
            tick = time.perf_counter()
            index = order[b * batch:(b + 1) * batch]
            xb, yb = x[index], y[index]
            logits = model(xb)
            loss = F.cross_entropy(logits, yb)          # categorical cross-entropy of the softmax, batch mean
            for p in model.parameters():
                p.grad = None
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * len(index)        # Keras' epoch figures: sample-weighted means of the batches
            correct += (logits.argmax(1) == yb).sum().item()
            seen += len(index)
            steps += 1
            if steps > warmup:
                step_ms.append((time.perf_counter() - tick) * 1000)
        record = {"epoch": epoch, "loss": round(loss_sum / seen, 5), "accuracy": round(correct / seen, 5)}
        if validation is not None:
            val_loss, val_accuracy = evaluate(model, *validation)
            record.update(val_loss=round(val_loss, 5), val_accuracy=round(val_accuracy, 5))
        history.append(record)
        print(f"{name} Epoch {epoch}/{epochs} - " + " - ".join(f"{k}: {v}" for k, v in record.items() if k != "epoch"),
              file=sys.stderr, flush=True)
    train_seconds = time.perf_counter() - started

    test_loss, test_accuracy = evaluate(model, x_test, y_test)
    return {"network": name, "seed": seed, "epochs": epochs, "batch": batch, "steps": steps,
            "test_accuracy": round(test_accuracy, 4), "test_loss": round(test_loss, 4),
            "train_seconds": round(train_seconds, 3),
            "ms_per_step": round(statistics.median(step_ms), 3) if step_ms else None,
            "published_accuracy": recipe["published"], "threads": torch.get_num_threads(),
            "torch_version": torch.__version__, "history": history}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--network", default="all", help=f"{', '.join(TUTORIALS)}, a comma-separated list, or all")
    parser.add_argument("--seed", type=int, default=0, help="seeds the weights, dropout and the shuffles (default 0)")
    parser.add_argument("--epochs", type=int, default=0, help="epochs instead of the tutorial's")
    parser.add_argument("--max-steps", type=int, default=0, help="stop after this many optimizer steps in all (0: no limit)")
    parser.add_argument("--warmup", type=int, default=10, help="steps left out of ms_per_step (default 10)")
    parser.add_argument("--threads", type=int, default=0, help="torch threads (default: torch's choice)")
    parser.add_argument("--data", default=os.environ.get("MNIST_DIR") or os.path.join("data", "mnist"),
                        help="the folder of the four MNIST IDX files (default: $MNIST_DIR, else data/mnist)")
    parser.add_argument("--json", action="store_true", help="one JSON object per network on stdout")
    args = parser.parse_args()

    names = list(TUTORIALS) if args.network == "all" else args.network.split(",")
    unknown = [n for n in names if n not in TUTORIALS]
    if unknown:
        sys.exit(f"keras_reference: unknown network {unknown[0]!r}; use one of {', '.join(TUTORIALS)} or all")
    if args.threads:
        torch.set_num_threads(args.threads)
    data = load_mnist(args.data)
    for name in names:
        result = train(name, data, args.seed, args.epochs, args.max_steps, args.warmup)
        print(json.dumps(result) if args.json else
              f"{name} seed {args.seed}: test accuracy {result['test_accuracy']} (published {result['published_accuracy']}), "
              f"test loss {result['test_loss']}, {result['ms_per_step']} ms/step", flush=True)


if __name__ == "__main__":
    main()
