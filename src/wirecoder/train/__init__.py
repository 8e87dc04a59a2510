"""The scripts behind `make train`: build training data from annotated articles, fit models, score them."""
