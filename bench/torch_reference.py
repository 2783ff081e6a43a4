#!/usr/bin/python3
"""The article's CNN in PyTorch, timed the same way as TrainingBenchmark times DL4J.

Prints one CSV line per measurement: framework,threads,phase,batch,images_per_second
Usage: torch_reference.py THREADS TRAIN_BATCH INFER_BATCH SECONDS
"""
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class ArticleCnn(nn.Module):
    """conv 1->32 3x3 ReLU, conv 32->64 3x3 ReLU, avg-pool 4/4, dense 2304->100 ReLU, dense 100->10."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3)
        self.conv2 = nn.Conv2d(32, 64, 3)
        self.pool = nn.AvgPool2d(4, 4)
        self.fc1 = nn.Linear(64 * 6 * 6, 100)
        self.fc2 = nn.Linear(100, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = self.pool(x)
        x = x.view(-1, 64 * 6 * 6)
        x = F.relu(self.fc1(x))
        return self.fc2(x)


ROUNDS = 3
MIN_STEPS = 2


def timed(step, images_per_step, seconds):
    """Best images/s over ROUNDS rounds of at least seconds/ROUNDS and MIN_STEPS steps, after a warm-up.

    The machine may be shared: the best round is the least disturbed one (TrainingSpeed.java does the same).
    """
    for _ in range(2):
        step()
    best = 0.0
    for _ in range(ROUNDS):
        steps, start = 0, time.perf_counter()
        while steps < MIN_STEPS or time.perf_counter() - start < seconds / ROUNDS:
            step()
            steps += 1
        best = max(best, steps * images_per_step / (time.perf_counter() - start))
    return best


def main():
    threads, train_batch, infer_batch = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    seconds = float(sys.argv[4])
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    net = ArticleCnn()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
    x = torch.rand(train_batch, 1, 28, 28)
    y = torch.randint(0, 10, (train_batch,))

    def train_step():
        optimizer.zero_grad()
        F.cross_entropy(net(x), y).backward()
        optimizer.step()

    xi = torch.rand(infer_batch, 1, 28, 28)

    def infer_step():
        with torch.no_grad():
            F.softmax(net(xi), dim=1)

    train = timed(train_step, train_batch, seconds)
    net.eval()
    infer = timed(infer_step, infer_batch, seconds)
    print(f"pytorch-{torch.__version__},{threads},train,{train_batch},{train:.1f}")
    print(f"pytorch-{torch.__version__},{threads},inference,{infer_batch},{infer:.1f}")


if __name__ == "__main__":
    main()
