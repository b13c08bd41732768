"""The results screen: rankings with quotas, bands, where points are lost, exports."""
