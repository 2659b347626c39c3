"""Public views: /csrf-token/, the feedback endpoint, /gui-cau-hoi/ and /dang-ky-nhan-tin/."""
