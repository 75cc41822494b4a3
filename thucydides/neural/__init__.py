"""The learned event layer: a fine-tuned MiniLM run with ONNX Runtime (see docs/architecture.md)."""
