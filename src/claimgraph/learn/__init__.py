"""Statistical attribution tagging trained on PolNeAR, to combine with the rules in `nlp`.

`tagger` loads the packaged weights and predicts; `features`, `clusters` and `candidates` turn a
parse into what the CRFs read and snap their output to it; `combine` merges the tagger's
attributions with the rules'; `train` retrains the weights (`claimgraph train polnear`).
"""
