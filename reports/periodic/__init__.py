"""A unit's periodic report (Báo cáo kết quả công tác thông tin, tuyên truyền CCHC): the figures
assembled into the sections a district sends to Sở Nội vụ, rendered as HTML, DOCX and PDF."""
